package api_test

import (
	"testing"

	"talentd/api/apitest"
)

// TestEndToEnd runs the end-to-end scenario against the handler served on
// 127.0.0.1:0 (cmd/talentd runs the same scenario through run()).
func TestEndToEnd(t *testing.T) {
	c := apitest.Serve(t, apitest.New(t))
	t.Run("lifecycles", func(t *testing.T) { apitest.EndToEnd(t, c) })
	t.Run("rules", func(t *testing.T) { apitest.EndToEndRules(t, c) })
}
