package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"talentd/events"
	"talentd/registry"
)

// DeadLetters is the dead-letter queue the admin routes list and replay;
// *jetstream.DeadLetters implements it.
type DeadLetters interface {
	// List returns up to limit dead letters whose Seq is greater than
	// after, oldest first.
	List(ctx context.Context, limit int, after uint64) ([]events.DeadLetter, error)
	// Get returns the dead letter at seq, or an error wrapping
	// registry.ErrNotFound.
	Get(ctx context.Context, seq uint64) (events.DeadLetter, error)
	// Replay publishes the dead letter's message again on its original
	// subject and removes it from the queue.
	Replay(ctx context.Context, seq uint64) error
}

// actionDLQReplay is the audit action of a replay; its record id is the
// event id.
const actionDLQReplay = "dlq:replay"

// deadLetter is a dead letter as the admin routes show it. Message is the
// original message when it is JSON (an envelope, as a rule), else
// MessageBase64 holds its bytes.
type deadLetter struct {
	ID            uint64          `json:"id"`
	Consumer      string          `json:"consumer"`
	Subject       string          `json:"subject"`
	EventID       string          `json:"event_id"`
	Reason        string          `json:"reason"`
	Deliveries    uint64          `json:"deliveries"`
	StreamSeq     uint64          `json:"stream_seq"`
	Time          time.Time       `json:"time"`
	Message       json.RawMessage `json:"message,omitempty"`
	MessageBase64 []byte          `json:"message_base64,omitempty"`
}

// deadLetterPage is the body of GET /v1/admin/dead-letters. NextAfter is
// the after of the next page, absent on the last one.
type deadLetterPage struct {
	Items     []deadLetter `json:"items"`
	NextAfter uint64       `json:"next_after,omitempty"`
}

func deadLetterOf(l events.DeadLetter) deadLetter {
	out := deadLetter{ID: l.Seq, Consumer: l.Consumer, Subject: l.Subject, EventID: l.MsgID, Reason: l.Reason,
		Deliveries: l.Deliveries, StreamSeq: l.StreamSeq, Time: l.Time}
	if json.Valid(l.Data) {
		out.Message = l.Data
	} else {
		out.MessageBase64 = l.Data
	}
	return out
}

// errDLQUnavailable answers the dead-letter routes when no queue is wired.
var errDLQUnavailable = &problem{status: http.StatusServiceUnavailable, slug: "not-ready", failing: []string{"nats"}}

// mayManageDLQ refuses every role without dlq:manage, and answers 503 when
// talentd has no dead-letter queue.
func (s *server) mayManageDLQ(c *gin.Context) error {
	if !registry.Can(principalOf(c), registry.ActionDLQManage, registry.NoKind) {
		return registry.ErrForbidden
	}
	if s.deadLetters == nil {
		return errDLQUnavailable
	}
	return nil
}

// listDeadLetters handles GET /v1/admin/dead-letters (admin): dead letters
// oldest first, limit at a time, after the id given.
func (s *server) listDeadLetters(c *gin.Context) error {
	if err := s.mayManageDLQ(c); err != nil {
		return err
	}
	limit, after, err := deadLetterQuery(c.Request.URL.RawQuery)
	if err != nil {
		return err
	}
	letters, err := s.deadLetters.List(c.Request.Context(), limit, after)
	if err != nil {
		return err
	}
	out := deadLetterPage{Items: make([]deadLetter, 0, len(letters))}
	for _, l := range letters {
		out.Items = append(out.Items, deadLetterOf(l))
	}
	if len(letters) == limit {
		out.NextAfter = letters[len(letters)-1].Seq
	}
	s.writeJSON(c, http.StatusOK, out)
	return nil
}

// replayDeadLetter handles POST /v1/admin/dead-letters/:id/replay (admin):
// the message goes back on its subject for every consumer of it, and
// leaves the queue. 200 with the dead letter as it was; 404 when there is
// none (replayed already). Replays are audited.
func (s *server) replayDeadLetter(c *gin.Context) error {
	if err := s.mayManageDLQ(c); err != nil {
		return err
	}
	seq, err := strconv.ParseUint(c.Param("id"), 10, 64)
	if err != nil || seq == 0 {
		return invalid("id", "type", "integer")
	}
	ctx := c.Request.Context()
	l, err := s.deadLetters.Get(ctx, seq)
	if err != nil {
		return err
	}
	if err := s.deadLetters.Replay(ctx, seq); err != nil {
		return err
	}
	if err := s.svc.AuditKeyChange(ctx, principalOf(c), actionDLQReplay, l.MsgID); err != nil {
		return err
	}
	s.writeJSON(c, http.StatusOK, deadLetterOf(l))
	return nil
}

// deadLetterQuery reads limit (1..MaxPageSize, DefaultPageSize) and after
// (a dead letter id, 0 for the first page).
func deadLetterQuery(raw string) (limit int, after uint64, err error) {
	limit = registry.DefaultPageSize
	err = queryParams(raw, func(name, v string, verr *registry.ValidationError) {
		switch name {
		case "limit":
			limit = parseLimit(v, verr)
		case "after":
			n, perr := strconv.ParseUint(v, 10, 64)
			after = n
			addUnless(verr, perr == nil, name, "type", "integer")
		default:
			verr.Add(name, "unknown_parameter", "")
		}
	})
	return limit, after, err
}
