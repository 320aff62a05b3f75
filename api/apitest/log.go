package apitest

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

// LogBuffer collects what a server under test logs, or what a process it
// starts prints: its goroutines may write while the test reads.
type LogBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write implements io.Writer.
func (l *LogBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// String is everything written so far.
func (l *LogBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Tail is the last n bytes written, for a failure message.
func (l *LogBuffer) Tail(n int) string {
	s := l.String()
	return s[max(0, len(s)-n):]
}

// Lines decodes every line written as a JSON object (a slog JSON log),
// failing the test at a line that is not one.
func (l *LogBuffer) Lines(t testing.TB) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.String()), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("apitest: log line %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}
