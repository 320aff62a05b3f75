package pii_test

import (
	"testing"

	"talentd/registry"
	"talentd/registry/pii"
)

// The per-value costs behind every write (Seal, Index), read (Open) and
// response (Mask) of a record's personal numbers.

func benchKeyring(b *testing.B) *pii.Keyring {
	key, err := pii.NewKey()
	if err != nil {
		b.Fatal(err)
	}
	k, err := pii.New(key)
	if err != nil {
		b.Fatal(err)
	}
	return k
}

const benchID = "11010519491231002X"

func BenchmarkSeal(b *testing.B) {
	k := benchKeyring(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Seal(benchID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	k := benchKeyring(b)
	sealed, _ := k.Seal(benchID)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.Open(sealed); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIndex(b *testing.B) {
	k := benchKeyring(b)
	b.ReportAllocs()
	for b.Loop() {
		k.Index("CN_ID:" + benchID)
	}
}

func BenchmarkMask(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		pii.Mask(registry.PersonalIDNumber, benchID)
	}
}
