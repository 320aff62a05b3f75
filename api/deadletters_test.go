package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/api"
	"talentd/api/apitest"
	"talentd/events"
	"talentd/events/eventstest"
	"talentd/events/jetstream"
	"talentd/registry"
)

// dlqEnv is the API with a real dead-letter queue on an embedded NATS
// server, and a consumer that gives up at once on every event whose id
// starts with "poison".
type dlqEnv struct {
	*apitest.Env
	js natsjs.JetStream
}

const dlqPrefix = "api"

func newDLQEnv(t *testing.T) *dlqEnv {
	js := eventstest.NATS(t, jetstream.Config{Prefix: dlqPrefix})
	env := apitest.New(t, func(c *api.Config) { c.DeadLetters = jetstream.NewDeadLetters(js, dlqPrefix) })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		cfg := jetstream.ConsumerConfig{Prefix: dlqPrefix, Durable: events.ConsumerNotifier,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
		_ = jetstream.Consume(ctx, js, cfg,
			func(_ context.Context, e events.Event) error {
				if len(e.ID) >= 6 && e.ID[:6] == "poison" {
					return events.Permanent(errors.New("no template for " + e.Type))
				}
				return nil
			})
	}()
	t.Cleanup(func() { cancel(); <-done })
	return &dlqEnv{Env: env, js: js}
}

// publish puts an event on the events stream and waits until the
// consumer has dead-lettered it when it is poison.
func (d *dlqEnv) publish(t *testing.T, id string) {
	t.Helper()
	body, err := events.Encode(events.Event{SpecVersion: events.SpecVersion, ID: id, Source: events.Source,
		Type: events.EnclaveRecognized, Subject: "enc_1", Time: time.Now().UTC(), DataContentType: events.ContentType,
		Data: json.RawMessage(`{"enclave_id":"enc_1","version":3}`)})
	if err != nil {
		t.Fatal(err)
	}
	subject := events.Subject(dlqPrefix, events.EnclaveRecognized)
	if _, err := d.js.Publish(context.Background(), subject, body, natsjs.WithMsgID(id)); err != nil {
		t.Fatal(err)
	}
}

// page lists dead letters over HTTP as the admin.
func (d *dlqEnv) page(t *testing.T, query string) (items []map[string]any, next float64) {
	t.Helper()
	rec := d.Do(t, http.MethodGet, "/v1/admin/dead-letters"+query, nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("list dead letters: %d %s", rec.Code, rec.Body.String())
	}
	var out struct {
		Items     []map[string]any `json:"items"`
		NextAfter float64          `json:"next_after"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	return out.Items, out.NextAfter
}

func (d *dlqEnv) waitLetters(t *testing.T, n int) []map[string]any {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		items, _ := d.page(t, "?limit=100")
		if len(items) == n || time.Now().After(deadline) {
			if len(items) != n {
				t.Fatalf("%d dead letters, want %d: %v", len(items), n, items)
			}
			return items
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestDeadLettersListAndReplay: a poison event shows up with its reason,
// original subject, delivery count and consumer; replaying it puts the
// envelope back on the events stream (the consumer gives up again, so it
// comes back as a new dead letter) and is audited; a second replay of the
// same id is a 404.
func TestDeadLettersListAndReplay(t *testing.T) {
	d := newDLQEnv(t)
	d.publish(t, "evt_fine")
	d.publish(t, "poison_1")
	items := d.waitLetters(t, 1)
	l := items[0]
	if l["reason"] != "permanent: no template for talent.enclave.recognized" || l["consumer"] != events.ConsumerNotifier ||
		l["subject"] != "api.talent.enclave.recognized" || l["event_id"] != "poison_1" || l["deliveries"] != 1.0 {
		t.Fatalf("dead letter %v", l)
	}
	if msg, _ := l["message"].(map[string]any); msg["id"] != "poison_1" || msg["type"] != events.EnclaveRecognized {
		t.Fatalf("message %v", l["message"])
	}
	id := fmt.Sprint(l["id"])
	rec := d.Do(t, http.MethodPost, "/v1/admin/dead-letters/"+id+"/replay", nil)
	if rec.Code != http.StatusOK {
		t.Fatalf("replay: %d %s", rec.Code, rec.Body.String())
	}
	if got := len(eventstest.Stored(t, d.js, dlqPrefix)); got != 3 {
		t.Fatalf("events stream holds %d messages after the replay, want 3", got)
	}
	again := d.waitLetters(t, 1)
	if again[0]["event_id"] != "poison_1" || fmt.Sprint(again[0]["id"]) == id {
		t.Fatalf("after replay: %v", again)
	}
	if rec := d.Do(t, http.MethodPost, "/v1/admin/dead-letters/"+id+"/replay", nil); rec.Code != http.StatusNotFound {
		t.Fatalf("second replay: %d %s", rec.Code, rec.Body.String())
	}
	entries, err := d.Store.ListAudit(context.Background(), registry.AuditQuery{Action: "dlq:replay", Limit: 10})
	if err != nil || len(entries) != 1 || entries[0].RecordID != "poison_1" {
		t.Fatalf("audit of the replay: %+v %v", entries, err)
	}
}

// TestDeadLettersPaging: limit and after page through the queue, and
// next_after is absent on the last page.
func TestDeadLettersPaging(t *testing.T) {
	d := newDLQEnv(t)
	for i := range 5 {
		d.publish(t, fmt.Sprintf("poison_%d", i))
	}
	d.waitLetters(t, 5)
	var seen []any
	query := "?limit=2"
	for pages := 0; ; pages++ {
		items, next := d.page(t, query)
		for _, it := range items {
			seen = append(seen, it["event_id"])
		}
		if next == 0 {
			break
		}
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		query = fmt.Sprintf("?limit=2&after=%d", int64(next))
	}
	if fmt.Sprint(seen) != "[poison_0 poison_1 poison_2 poison_3 poison_4]" {
		t.Fatalf("pages gave %v", seen)
	}
}

// TestDeadLettersRefusals: only admins (dlq:manage) may list or replay;
// bad ids and parameters are 400s naming the field; without a queue the
// routes answer 503 naming nats.
func TestDeadLettersRefusals(t *testing.T) {
	d := newDLQEnv(t)
	auditor := d.Key(t, registry.KeyRequest{Name: "auditor", Role: registry.RoleAuditor})
	officer := d.Key(t, registry.KeyRequest{Name: "officer", Role: registry.RoleOfficer, Area: "371302"})
	for _, key := range []string{auditor, officer} {
		for _, r := range [][2]string{{"GET", "/v1/admin/dead-letters"}, {"POST", "/v1/admin/dead-letters/1/replay"}} {
			if rec := d.Do(t, r[0], r[1], nil, "Authorization", apitest.Bearer(key)); rec.Code != http.StatusForbidden {
				t.Errorf("%s %s as non-admin: %d", r[0], r[1], rec.Code)
			}
		}
	}
	bad := []struct{ method, path, field string }{
		{"POST", "/v1/admin/dead-letters/abc/replay", "id"},
		{"POST", "/v1/admin/dead-letters/0/replay", "id"},
		{"GET", "/v1/admin/dead-letters?limit=0", "limit"},
		{"GET", "/v1/admin/dead-letters?after=-1", "after"},
		{"GET", "/v1/admin/dead-letters?cursor=x", "cursor"},
	}
	for _, b := range bad {
		rec := d.Do(t, b.method, b.path, nil)
		if p := apitest.Problem(t, rec); rec.Code != http.StatusBadRequest || len(p.Errors) != 1 || p.Errors[0].Field != b.field {
			t.Errorf("%s %s: %d %s", b.method, b.path, rec.Code, rec.Body.String())
		}
	}
	if rec := d.Do(t, "POST", "/v1/admin/dead-letters/999/replay", nil); rec.Code != http.StatusNotFound {
		t.Errorf("replay of a missing dead letter: %d", rec.Code)
	}
	none := apitest.New(t)
	rec := none.Do(t, "GET", "/v1/admin/dead-letters", nil)
	if p := apitest.Problem(t, rec); rec.Code != http.StatusServiceUnavailable || fmt.Sprint(p.Failing) != "[nats]" {
		t.Errorf("without a queue: %d %s", rec.Code, rec.Body.String())
	}
}
