package api_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"talentd/api/apitest"
	"talentd/registry"
)

// TestCreateGetList takes one record of each kind through create, read
// and list.
func TestCreateGetList(t *testing.T) {
	env := apitest.New(t)
	expertID, _ := env.Create(t, registry.KindExpert, apitest.ExpertBody(apitest.ResidentID(1)))
	bodies := map[registry.Kind]any{
		registry.KindTalent:      apitest.TalentBody(apitest.ResidentID(2)),
		registry.KindExpert:      apitest.ForeignExpertBody("E12345678"),
		registry.KindWorkstation: apitest.WorkstationBody(expertID),
		registry.KindEnclave:     apitest.EnclaveBody(),
	}
	for _, kind := range registry.Kinds {
		t.Run(string(kind), func(t *testing.T) {
			rec := env.Do(t, http.MethodPost, "/v1/"+string(kind), bodies[kind])
			if rec.Code != http.StatusCreated {
				t.Fatalf("create: %d %s", rec.Code, rec.Body)
			}
			var created map[string]any
			json.Unmarshal(rec.Body.Bytes(), &created)
			id := created["id"].(string)
			if got, want := rec.Header().Get("Location"), "/v1/"+string(kind)+"/"+id; got != want {
				t.Errorf("Location %q, want %q", got, want)
			}
			if got := rec.Header().Get("ETag"); got != `"1"` {
				t.Errorf("ETag %q, want \"1\"", got)
			}
			if got, want := created["status"], string(registry.LifecycleOf(kind).Initial); got != want {
				t.Errorf("status %v, want %v", got, want)
			}
			get := env.Do(t, http.MethodGet, "/v1/"+string(kind)+"/"+id, nil)
			if get.Code != http.StatusOK || get.Body.String() != rec.Body.String() {
				t.Errorf("get: %d %s\nwant %s", get.Code, get.Body, rec.Body)
			}
			list := env.Do(t, http.MethodGet, "/v1/"+string(kind), nil)
			var page struct {
				Items      []map[string]any `json:"items"`
				NextCursor string           `json:"next_cursor"`
			}
			json.Unmarshal(list.Body.Bytes(), &page)
			if list.Code != http.StatusOK || len(page.Items) == 0 || page.Items[0]["id"] != id {
				t.Errorf("list: %d %s", list.Code, list.Body)
			}
		})
	}
}
