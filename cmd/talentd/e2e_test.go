package main

import (
	"testing"

	"talentd/api/apitest"
)

// TestRunEndToEnd takes each record kind through its whole lifecycle over
// HTTP against talentd started by run() on 127.0.0.1:0 with its defaults
// (SQLite, embedded NATS, API keys), with the cross-record rules; every
// response is checked against the served /openapi.json.
func TestRunEndToEnd(t *testing.T) {
	env := map[string]string{"TALENTD_BOOTSTRAP_TOKEN": testToken, "TALENTD_RATE_LIMIT": "0"}
	inst := launch(t, env, "-data-dir", t.TempDir())
	c := apitest.Dial(t, inst.url, testToken)
	t.Run("lifecycles", func(t *testing.T) { apitest.EndToEnd(t, c) })
	t.Run("rules", func(t *testing.T) { apitest.EndToEndRules(t, c) })
	if err := inst.stop(); err != nil {
		t.Fatalf("run returned %v after shutdown", err)
	}
}
