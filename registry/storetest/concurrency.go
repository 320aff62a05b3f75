package storetest

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"talentd/registry"
)

var concurrencyCases = []suiteCase{
	{"ConcurrentUpdates", testConcurrentUpdates},
}

const (
	writers          = 8
	updatesPerWriter = 25
)

// testConcurrentUpdates races version-checked read-modify-write loops on
// one document: every update that reports success must land exactly once.
func testConcurrentUpdates(t *testing.T, s registry.Store) {
	d := mustCreate(t, s, NewDoc(registry.KindTalent, "contended"))
	var (
		mu   sync.Mutex
		wins []int64
		wg   sync.WaitGroup
	)
	for range writers {
		wg.Go(func() {
			for range updatesPerWriter {
				v, err := tryUpdate(t, s, d)
				if err != nil {
					t.Error(err)
					return
				}
				if v > 0 {
					mu.Lock()
					wins = append(wins, v)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	checkWins(t, s, d, wins)
}

// tryUpdate reads the document and writes the next version; it returns the
// version written, or 0 when another writer got there first.
func tryUpdate(t *testing.T, s registry.Store, d registry.Document) (int64, error) {
	cur, err := s.Get(ctxOf(t), d.Kind, d.ID)
	if err != nil {
		return 0, err
	}
	n := Next(cur)
	err = s.Update(ctxOf(t), n, cur.Version, []registry.Event{NewEvent(n, "updated")})
	if errors.Is(err, registry.ErrVersionMismatch) {
		return 0, nil
	}
	return n.Version, err
}

func checkWins(t *testing.T, s registry.Store, d registry.Document, wins []int64) {
	t.Helper()
	slices.Sort(wins)
	if len(wins) == 0 {
		t.Fatal("no update succeeded")
	}
	final := mustGet(t, s, d.Kind, d.ID)
	if final.Version != int64(1+len(wins)) {
		t.Fatalf("final version %d after %d successful updates, want %d", final.Version, len(wins), 1+len(wins))
	}
	var got []int64
	for _, e := range pending(t, s) {
		if e.Type == "talent.talent.updated" {
			got = append(got, e.Version)
		}
	}
	for i, v := range wins {
		if v != int64(i+2) {
			t.Fatalf("successful updates wrote versions %v, want 2..%d each once", wins, 1+len(wins))
		}
	}
	if !slices.Equal(got, wins) {
		t.Fatalf("outbox update versions %v, want %v", got, wins)
	}
}
