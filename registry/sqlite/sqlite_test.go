package sqlite_test

import (
	"errors"
	"strings"
	"testing"

	"talentd/registry"
	"talentd/registry/registrytest"
	"talentd/registry/sqlite"
	"talentd/registry/storetest"
)

func TestStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) registry.Store { return registrytest.SQLite(t, t.TempDir()) })
}

func TestOpenLocksDataDirectory(t *testing.T) {
	dir := t.TempDir()
	first, err := sqlite.Open(dir)
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	_, err = sqlite.Open(dir)
	if err == nil || !strings.Contains(err.Error(), "is in use by another process") {
		t.Fatalf("second Open while the first is open: %v, want in-use error", err)
	}
	if err := first.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	again, err := sqlite.Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	if err := again.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

func TestReopenKeepsDataAndOutbox(t *testing.T) {
	dir := t.TempDir()
	s, err := sqlite.Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	d := storetest.NewDoc(registry.KindTalent, "kept")
	d.Identity = "idh_kept"
	ev := storetest.NewEvent(d, "created")
	if err := s.Create(t.Context(), d, []registry.Event{ev}); err != nil {
		t.Fatalf("Create: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s, err = sqlite.Open(dir)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	got, err := s.FindIdentity(t.Context(), d.Kind, d.Identity)
	if err != nil || got.ID != d.ID || string(got.Body) != string(d.Body) {
		t.Fatalf("FindIdentity after reopen = %s, %v; want %s", got.ID, err, d.ID)
	}
	evs, err := s.Pending(t.Context(), 10)
	if err != nil || len(evs) != 1 || evs[0].ID != ev.ID {
		t.Fatalf("Pending after reopen = %v, %v; want [%s]", evs, err, ev.ID)
	}
}

func TestReaderRefusesWrites(t *testing.T) {
	s := registrytest.SQLite(t, t.TempDir())
	if _, err := s.Reader().Exec(`DELETE FROM records`); err == nil {
		t.Fatal("Reader accepted a write")
	}
	var n int
	if err := s.Reader().QueryRow(`SELECT count(*) FROM records`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("Reader count = %d, %v", n, err)
	}
}

func TestUpdateRefusesVersionGap(t *testing.T) {
	s := registrytest.SQLite(t, t.TempDir())
	d := storetest.NewDoc(registry.KindTalent, "gap")
	if err := s.Create(t.Context(), d, nil); err != nil {
		t.Fatalf("Create: %v", err)
	}
	n := storetest.Next(storetest.Next(d))
	if err := s.Update(t.Context(), n, 1, nil); !errors.Is(err, registry.ErrInvalid) {
		t.Fatalf("Update to version 3 at prev 1: %v, want ErrInvalid", err)
	}
}
