package api_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
	"talentd/registry"
)

// world is an API with keys for every role, making records on demand.
type world struct {
	env      *apitest.Env
	seq      atomic.Int64 // distinct identity numbers
	finance  string
	auditor  string
	officers map[string]string // area → secret
}

// newWorld builds the API with every part wired, a dead-letter queue on
// an embedded NATS server included.
func newWorld(t *testing.T) *world {
	js := eventstest.NATS(t, jetstream.Config{Prefix: "matrix"})
	env := apitest.New(t, func(c *api.Config) { c.DeadLetters = jetstream.NewDeadLetters(js, "matrix") })
	return &world{env: env, officers: map[string]string{},
		finance: env.Key(t, registry.KeyRequest{Name: "财政", Role: registry.RoleFinance}),
		auditor: env.Key(t, registry.KeyRequest{Name: "审计", Role: registry.RoleAuditor})}
}

// officer is the secret of an officer key of the area.
func (w *world) officer(t *testing.T, area string) string {
	if s, ok := w.officers[area]; ok {
		return s
	}
	s := w.env.Key(t, registry.KeyRequest{Name: "人才办 " + area, Role: registry.RoleOfficer, Area: area})
	w.officers[area] = s
	return s
}

// enclaveKey is the secret of a new enclave key of the enclave.
func (w *world) enclaveKey(t *testing.T, enclaveID string) string {
	return w.env.Key(t, registry.KeyRequest{Name: "运营方", Role: registry.RoleEnclave, EnclaveID: enclaveID})
}

// as sends a request with the secret (admin's when "").
func (w *world) as(t *testing.T, secret, method, path string, body any, headers ...string) *httpResult {
	t.Helper()
	if secret == "" {
		secret = w.env.Token
	}
	rec := w.env.Do(t, method, path, body, append([]string{"Authorization", apitest.Bearer(secret)}, headers...)...)
	out := &httpResult{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
	_ = json.Unmarshal(out.body, &out.json)
	return out
}

type httpResult struct {
	status int
	header http.Header
	body   []byte
	json   map[string]any
}

func (r *httpResult) str(name string) string { s, _ := r.json[name].(string); return s }

// body is a valid new record of the kind, shaped so that every state of
// its lifecycle can be reached when the test needs state to.
func (w *world) body(t *testing.T, kind registry.Kind, to registry.Status) map[string]any {
	n := int(w.seq.Add(1))
	switch kind {
	case registry.KindTalent:
		b := apitest.TalentBody(apitest.ResidentID(1000 + n))
		switch to {
		case registry.TalentRecommended:
			b["channel"] = "NATIONAL_PROGRAM"
			b["national_program"] = map[string]any{"program": "国家高层次人才计划", "batch_year": 2026, "result": "PENDING"}
		case registry.TalentAwardedPendingLanding, registry.TalentLapsed:
			b["channel"] = "COMPETITION"
			b["competition"] = map[string]any{"event": "创新创业大赛", "award_date": "2026-06-01"}
		}
		return b
	case registry.KindExpert:
		b := apitest.ForeignExpertBody("E" + apitest.ResidentID(1000 + n)[6:14])
		b["work_permit"].(map[string]any)["valid_to"] = "2030-06-30"
		return b
	case registry.KindWorkstation:
		return apitest.WorkstationBody(w.create(t, registry.KindExpert, apitest.ExpertBody(apitest.ResidentID(5000+n))))
	}
	return apitest.EnclaveBody()
}

// create posts a record as admin and returns its id.
func (w *world) create(t *testing.T, kind registry.Kind, body map[string]any) string {
	t.Helper()
	r := w.as(t, "", "POST", "/v1/"+string(kind), body)
	if r.status != http.StatusCreated {
		t.Fatalf("create %s: %d %s", kind, r.status, r.body)
	}
	return r.str("id")
}

// record makes a record of the kind (as admin) and moves it to a state from
// which the lifecycle allows to (the initial state when to is ""). It
// returns the id, the record's area and its ETag.
func (w *world) record(t *testing.T, kind registry.Kind, to registry.Status) (id, area, etag string) {
	t.Helper()
	body := w.body(t, kind, to)
	id = w.create(t, kind, body)
	etag = `"1"`
	for _, st := range w.pathTo(t, kind, body, to) {
		r := w.as(t, "", "POST", "/v1/"+string(kind)+"/"+id+"/transitions", map[string]any{"to": st}, "If-Match", etag)
		if r.status != http.StatusOK {
			t.Fatalf("move %s to %s: %d %s", id, st, r.status, r.body)
		}
		etag = r.header.Get("ETag")
	}
	return id, body["area"].(string), etag
}

// pathTo is the shortest list of moves from the initial state to a state
// that may move to to, for a record with body.
func (w *world) pathTo(t *testing.T, kind registry.Kind, body map[string]any, to registry.Status) []registry.Status {
	if to == "" {
		return nil
	}
	life := registry.LifecycleOf(kind)
	next := func(st registry.Status) []registry.Status {
		b, _ := json.Marshal(body)
		r, err := registry.DecodeRecord(kind, b)
		if err != nil {
			t.Fatalf("decode %s body: %v", kind, err)
		}
		r.Base().Status = st
		return life.Next(r)
	}
	paths := map[registry.Status][]registry.Status{life.Initial: {}}
	queue := []registry.Status{life.Initial}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if slices.Contains(next(st), to) {
			return paths[st]
		}
		for _, n := range next(st) {
			if _, seen := paths[n]; !seen {
				paths[n] = append(slices.Clone(paths[st]), n)
				queue = append(queue, n)
			}
		}
	}
	t.Fatalf("no state of %s may move to %s", kind, to)
	return nil
}
