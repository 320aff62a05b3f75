package pii_test

import (
	"errors"
	"sync"
	"testing"

	"talentd/registry/pii"
)

func TestRotationKeepsOldValuesAndIndex(t *testing.T) {
	dir := t.TempDir()
	k, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	first := k.ActiveKeyID()
	old := mustSeal(t, k, "13800138000")
	idx := k.Index("13800138000")

	id, err := k.Rotate()
	if err != nil {
		t.Fatalf("Rotate: %v", err)
	}
	if id == first || k.ActiveKeyID() != id || len(k.KeyIDs()) != 2 {
		t.Fatalf("after Rotate: active %s, ids %v", k.ActiveKeyID(), k.KeyIDs())
	}
	if got, err := k.Open(old); err != nil || got != "13800138000" {
		t.Errorf("old value after rotation: %q, %v", got, err)
	}
	if k.Index("13800138000") != idx {
		t.Error("rotation changed the index value")
	}
	if s := mustSeal(t, k, "x"); mustKeyID(t, s) != id {
		t.Errorf("new value sealed under %s, want %s", mustKeyID(t, s), id)
	}

	re := checkReseal(t, k, old, id)
	checkRestart(t, dir, idx, id, old, re)
}

// checkReseal: Reseal moves the value sealed before the rotation to the new
// key id, once; it returns the resealed value.
func checkReseal(t *testing.T, k *pii.Keyring, old, id string) string {
	t.Helper()
	re, changed, err := k.Reseal(old)
	if err != nil || !changed || mustKeyID(t, re) != id {
		t.Fatalf("Reseal: %q %v %v", re, changed, err)
	}
	if got, _ := k.Open(re); got != "13800138000" {
		t.Errorf("resealed opens to %q", got)
	}
	if again, changed, err := k.Reseal(re); err != nil || changed || again != re {
		t.Errorf("Reseal of a current value: %v %v", changed, err)
	}
	if out, changed, err := k.Reseal(""); out != "" || changed || err != nil {
		t.Errorf("Reseal(\"\") = %q %v %v", out, changed, err)
	}
	return re
}

// checkRestart: the key file kept both keys, so a keyring loaded again
// opens both generations, with the same index and active key id.
func checkRestart(t *testing.T, dir, idx, id string, sealed ...string) {
	t.Helper()
	k, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sealed {
		if got, err := k.Open(s); err != nil || got != "13800138000" {
			t.Errorf("after restart: %q, %v", got, err)
		}
	}
	if k.Index("13800138000") != idx || k.ActiveKeyID() != id {
		t.Error("restart changed the index or the active key")
	}
}

func TestOpenPicksUpAKeyRotatedElsewhere(t *testing.T) {
	dir := t.TempDir()
	server, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	cli, err := pii.LoadOrCreate(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cli.Rotate(); err != nil {
		t.Fatal(err)
	}
	s := mustSeal(t, cli, "13800138000")
	if got, err := server.Open(s); err != nil || got != "13800138000" {
		t.Errorf("server opening a value sealed under the rotated key: %q, %v", got, err)
	}
}

func TestRotateRefusedForEnvKeys(t *testing.T) {
	k := mustNew(t, key(1))
	if _, err := k.Rotate(); !errors.Is(err, pii.ErrKeysFromEnv) {
		t.Errorf("Rotate without a key file: %v", err)
	}
}

func TestEnvKeyListRotation(t *testing.T) {
	oldKey := "0101010101010101010101010101010101010101010101010101010101010101"
	k1, err := pii.LoadOrCreate(t.TempDir(), oldKey)
	if err != nil {
		t.Fatal(err)
	}
	s := mustSeal(t, k1, "E12345678")
	newKey := "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=" // 32 bytes of 2, base64
	k2, err := pii.LoadOrCreate(t.TempDir(), oldKey+", "+newKey)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := k2.Open(s); err != nil || got != "E12345678" {
		t.Errorf("open under old key: %q, %v", got, err)
	}
	if k2.ActiveKeyID() != pii.KeyID(key(2)) || k1.Index("a") != k2.Index("a") {
		t.Error("the last env key must seal and the first must keep the index")
	}
}

func mustKeyID(t *testing.T, sealed string) string {
	t.Helper()
	id, ok := pii.SealedKeyID(sealed)
	if !ok {
		t.Fatalf("not a sealed value: %q", sealed)
	}
	return id
}

// TestRotateWhileSealing: sealing and opening go on safely while a key is
// added; every value sealed opens afterwards.
func TestRotateWhileSealing(t *testing.T) {
	k, err := pii.LoadOrCreate(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	sealed := make(chan string, 400)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 100 {
				s := mustSeal(t, k, "13800138000")
				if got, err := k.Open(s); err != nil || got != "13800138000" {
					t.Errorf("Open during rotation: %q, %v", got, err)
				}
				sealed <- s
			}
		})
	}
	for range 3 {
		if _, err := k.Rotate(); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	close(sealed)
	for s := range sealed {
		if got, err := k.Open(s); err != nil || got != "13800138000" {
			t.Fatalf("Open after rotation: %q, %v", got, err)
		}
	}
}
