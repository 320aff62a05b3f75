package main

import (
	"fmt"
	"math/rand/v2"

	"talentd/registry"
)

// talents generates valid, distinct talents: talent i of a seed is always
// the same, whichever worker asks, and no two (seed, i) share an identity
// number while i < maxTalents and seeds differ modulo 890,000.
type talents struct {
	seed  uint64
	areas []string
}

// maxTalents is how many distinct identity numbers one seed has (40 years
// of 336 birth dates, 999 sequence numbers).
const maxTalents = 40 * 336 * 999

// Talent indices: measured creates are talents 0, 1, 2, … (so they can be
// generated in advance), warm-up creates start at warmupBase and the get
// scenario's prefill at prefillBase, so no two of one seed collide.
const (
	warmupBase  = 8_000_000
	prefillBase = 11_000_000
)

var (
	tiers       = []registry.Tier{"A", "B", "B", "C", "C", "C", "D", "D", "D", "E", "E", "UNCLASSIFIED"}
	levels      = []registry.Level{"NATIONAL", "PROVINCIAL", "MUNICIPAL", "MUNICIPAL", "COUNTY"}
	fields      = []registry.Field{"AI", "LIFE_HEALTH", "NEW_IT", "MED_ELDERLY_CARE", "MODERN_AGRICULTURE", "PHOTOVOLTAIC", "HIGH_END_EQUIPMENT", "NEW_MATERIALS", "OTHER"}
	channels    = []registry.Channel{registry.ChannelOther, registry.ChannelCaseByCase, registry.ChannelLeaderTeamProject}
	employments = []registry.Employment{registry.EmploymentFullTime, registry.EmploymentFullTime, registry.EmploymentFlexible}
	employers   = []registry.Org{
		{USCC: "914403001922038216", Name: "临沂智能科技有限公司"},
		{USCC: "91330106MA27Y4U47R", Name: "临沂高端装备制造有限公司"},
	}
	surnames   = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
	givenChars = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然子轩梓涵一诺欣怡思远晨阳")
)

// talent returns talent i: a FULL_TIME or FLEXIBLE talent of a random area,
// tier, level and field, with a resident ID number of its own.
func (g talents) talent(i int64) *registry.Talent {
	rng := rand.New(rand.NewPCG(g.seed, uint64(i)))
	t := &registry.Talent{
		Meta:        registry.Meta{Area: g.areas[rng.IntN(len(g.areas))]},
		Name:        name(rng),
		IDDoc:       registry.IDDoc{Type: registry.DocCNID, Number: residentID(g.seed, i)},
		Nationality: "CHN", Mobile: fmt.Sprintf("1%d%09d", 3+rng.IntN(7), rng.IntN(1_000_000_000)),
		Tier: pick(rng, tiers), Level: pick(rng, levels), Origin: "DOMESTIC",
		Channel: pick(rng, channels), Employment: pick(rng, employments),
		Employer: pick(rng, employers), Field: pick(rng, fields),
	}
	if rng.IntN(2) == 0 || t.Employment == registry.EmploymentFlexible || t.Channel != registry.ChannelOther {
		t.Project = &registry.Project{Name: "高端装备智能控制系统研发与产业化", InvestmentYuan: int64(rng.IntN(50)+1) * 1_000_000}
		t.Agreement = &registry.Agreement{Start: "2025-01-01", End: "2029-12-31"}
	}
	if t.Channel == registry.ChannelLeaderTeamProject {
		t.Team = []registry.TeamMember{{Name: name(rng), Role: "核心成员"}, {Name: name(rng), Role: "工程师"}}
	}
	return t
}

func pick[T any](rng *rand.Rand, from []T) T { return from[rng.IntN(len(from))] }

func name(rng *rand.Rand) string {
	return string([]rune{pick(rng, surnames), pick(rng, givenChars), pick(rng, givenChars)})
}

// residentID is a valid resident ID number (GB 11643-1999) distinct for each
// (seed, i): the seed picks the address code, i the birth date
// (1960–1999, days 1–28) and the sequence number.
func residentID(seed uint64, i int64) string {
	i %= maxTalents
	day, month, year := 1+i%28, 1+(i/28)%12, 1960+(i/336)%40
	body := fmt.Sprintf("%06d%04d%02d%02d%03d", 110000+seed%890_000, year, month, day, 1+i/13440)
	return body + string(registry.IDCheckChar(body))
}
