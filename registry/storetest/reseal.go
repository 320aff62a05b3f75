package storetest

import (
	"context"
	"errors"
	"testing"

	"talentd/registry"
)

// BodyReplacer is the store method talentd keys rotate-pii re-seals
// personal numbers with: ReplaceBody swaps the body of the document
// stored at version, keeping its version and indexed fields, writing no
// event; ErrNotFound and ErrVersionMismatch as Update.
type BodyReplacer interface {
	ReplaceBody(ctx context.Context, kind registry.Kind, id string, version int64, body []byte) error
}

var resealCases = []suiteCase{
	{"ReplaceBodyKeepsVersionAndIndex", testReplaceBody},
	{"ReplaceBodyRefused", testReplaceBodyRefused},
}

func replacer(t *testing.T, s registry.Store) BodyReplacer {
	t.Helper()
	r, ok := s.(BodyReplacer)
	if !ok {
		t.Fatalf("%T has no ReplaceBody", s)
	}
	return r
}

func testReplaceBody(t *testing.T, s registry.Store) {
	d := fullDoc()
	mustCreate(t, s, d)
	before := len(pending(t, s))
	want := Copy(d)
	want.Body = []byte(`{"name":"张伟 Zhang Wei","mobile":"pii:v1:0a1b2c3d4e5f:bmV3"}`)
	if err := replacer(t, s).ReplaceBody(ctxOf(t), d.Kind, d.ID, d.Version, want.Body); err != nil {
		t.Fatalf("ReplaceBody: %v", err)
	}
	checkDoc(t, mustGet(t, s, d.Kind, d.ID), want)
	if after := len(pending(t, s)); after != before {
		t.Errorf("ReplaceBody added %d events", after-before)
	}
	if _, err := s.FindIdentity(ctxOf(t), d.Kind, d.Identity); err != nil {
		t.Errorf("FindIdentity after ReplaceBody: %v", err)
	}
	next := Next(want)
	if err := s.Update(ctxOf(t), next, d.Version, nil); err != nil {
		t.Errorf("Update at the kept version: %v", err)
	}
}

func testReplaceBodyRefused(t *testing.T, s registry.Store) {
	d := mustCreate(t, s, NewDoc(registry.KindEnclave, "飞地"))
	r := replacer(t, s)
	err := r.ReplaceBody(ctxOf(t), d.Kind, d.ID, d.Version+1, []byte(`{}`))
	if !errors.Is(err, registry.ErrVersionMismatch) {
		t.Errorf("ReplaceBody at a stale version: %v, want ErrVersionMismatch", err)
	}
	err = r.ReplaceBody(ctxOf(t), d.Kind, "enc_0190a4d4-0000-7000-8000-00000000dead", 1, []byte(`{}`))
	if !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("ReplaceBody of a missing document: %v, want ErrNotFound", err)
	}
	checkDoc(t, mustGet(t, s, d.Kind, d.ID), d)
}
