package main

import (
	"encoding/json"

	"talentd/registry"
)

// talentBody is the JSON a client posts to create a talent: the record
// without the fields the server sets.
type talentBody struct {
	Area        string                `json:"area"`
	Name        string                `json:"name"`
	IDDoc       registry.IDDoc        `json:"id_doc"`
	Nationality string                `json:"nationality"`
	Mobile      string                `json:"mobile,omitempty"`
	Tier        registry.Tier         `json:"tier"`
	Level       registry.Level        `json:"level"`
	Origin      registry.Origin       `json:"origin"`
	Channel     registry.Channel      `json:"channel"`
	Employment  registry.Employment   `json:"employment"`
	Employer    registry.Org          `json:"employer"`
	Field       registry.Field        `json:"field"`
	Team        []registry.TeamMember `json:"team,omitempty"`
	Project     *registry.Project     `json:"project,omitempty"`
	Agreement   *registry.Agreement   `json:"agreement,omitempty"`
}

// createBody is the POST /v1/talents body of t.
func createBody(t *registry.Talent) []byte {
	b, err := json.Marshal(talentBody{
		Area: t.Area, Name: t.Name, IDDoc: t.IDDoc, Nationality: t.Nationality, Mobile: t.Mobile,
		Tier: t.Tier, Level: t.Level, Origin: t.Origin, Channel: t.Channel, Employment: t.Employment,
		Employer: t.Employer, Field: t.Field, Team: t.Team, Project: t.Project, Agreement: t.Agreement,
	})
	if err != nil {
		panic(err) // plain strings and numbers always encode
	}
	return b
}

// bodies are the create bodies of talents 0…len(pre)-1, made before the
// clock starts; later indices (warm-up, -d runs) are made on demand.
type bodies struct {
	gen talents
	pre [][]byte
}

func newBodies(gen talents, n int64) *bodies {
	b := &bodies{gen: gen, pre: make([][]byte, n)}
	for i := range b.pre {
		b.pre[i] = createBody(gen.talent(int64(i)))
	}
	return b
}

func (b *bodies) body(i int64) []byte {
	if i < int64(len(b.pre)) {
		return b.pre[i]
	}
	return createBody(b.gen.talent(i))
}
