package main

import (
	"os"
	"strings"
	"testing"

	"talentd/events"
)

// TestReadmeEventTable keeps the README's event table complete: every
// subject of the contract (published or reserved) has a row, and every
// durable consumer is named.
func TestReadmeEventTable(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i := strings.Index(readme, "<!-- event-table")
	j := strings.Index(readme, "<!-- /event-table -->")
	if i < 0 || j < i {
		t.Fatal("README lacks the event-table markers")
	}
	table := readme[i:j]
	generic := map[string]bool{}
	var want []string
	for _, a := range []string{events.ActionCreated, events.ActionUpdated, events.ActionStatusChanged, events.ActionDeleted} {
		want = append(want, "`talent.<kind>."+a+"`")
		for _, k := range events.Kinds {
			generic[events.Type(k, a)] = true
		}
	}
	for _, typ := range append(events.Types(), events.EnclaveReportFiled, events.ReminderDue, events.SubsidyEvents) {
		if !generic[typ] {
			want = append(want, "`"+typ+"`")
		}
	}
	for _, d := range events.Durables {
		want = append(want, d.Name)
	}
	for _, w := range want {
		if !strings.Contains(table, w) {
			t.Errorf("the README's event table lacks %s", w)
		}
	}
}
