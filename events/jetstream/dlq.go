package jetstream

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/registry"
)

// DeadLetter is one message a consumer gave up on (events.DeadLetter).
type DeadLetter = events.DeadLetter

// DeadLetters reads and replays the dead-letter stream of one deployment.
type DeadLetters struct {
	js     natsjs.JetStream
	prefix string
}

// NewDeadLetters returns the dead letters under the prefix.
func NewDeadLetters(js natsjs.JetStream, prefix string) *DeadLetters {
	return &DeadLetters{js: js, prefix: prefix}
}

func (d *DeadLetters) stream(ctx context.Context) (natsjs.Stream, error) {
	s, err := d.js.Stream(ctx, events.Name(d.prefix, events.StreamDeadLetters))
	if err != nil {
		return nil, fmt.Errorf("jetstream: dead letters: %w", err)
	}
	return s, nil
}

// List returns up to limit dead letters whose Seq is greater than after,
// oldest first. Page on with the last Seq returned.
func (d *DeadLetters) List(ctx context.Context, limit int, after uint64) ([]DeadLetter, error) {
	s, err := d.stream(ctx)
	if err != nil {
		return nil, err
	}
	all := events.Subject(d.prefix, events.DeadLetterRoot+".>")
	var out []DeadLetter
	for seq := after + 1; len(out) < limit; {
		m, err := s.GetMsg(ctx, seq, natsjs.WithGetMsgSubject(all))
		if errors.Is(err, natsjs.ErrMsgNotFound) {
			break
		}
		if err != nil {
			return out, fmt.Errorf("jetstream: dead letters: %w", err)
		}
		out = append(out, deadLetterOf(m))
		seq = m.Sequence + 1
	}
	return out, nil
}

// Get returns the dead letter at seq; it wraps registry.ErrNotFound when
// there is none.
func (d *DeadLetters) Get(ctx context.Context, seq uint64) (DeadLetter, error) {
	s, err := d.stream(ctx)
	if err != nil {
		return DeadLetter{}, err
	}
	m, err := s.GetMsg(ctx, seq)
	if errors.Is(err, natsjs.ErrMsgNotFound) {
		return DeadLetter{}, fmt.Errorf("jetstream: dead letter %d: %w", seq, registry.ErrNotFound)
	}
	if err != nil {
		return DeadLetter{}, fmt.Errorf("jetstream: dead letter %d: %w", seq, err)
	}
	return deadLetterOf(m), nil
}

// Replay publishes the dead letter's original message again on its original
// subject, then deletes the dead letter. The republished message gets a new
// Nats-Msg-Id (<event id>.replay.<seq>) so the duplicate window does not
// swallow it; its envelope, event id included, is unchanged. Every consumer
// of the subject receives it again, so their handlers must be idempotent.
// Replaying twice is harmless: the second finds nothing (registry.ErrNotFound)
// or, after a crash between the two steps, is dropped as a duplicate.
func (d *DeadLetters) Replay(ctx context.Context, seq uint64) error {
	l, err := d.Get(ctx, seq)
	if err != nil {
		return err
	}
	if _, ok := events.TypeOf(d.prefix, l.Subject); !ok {
		return fmt.Errorf("jetstream: dead letter %d: subject %q is not an event subject: %w", seq, l.Subject, registry.ErrInvalid)
	}
	m := nats.NewMsg(l.Subject)
	m.Data = l.Data
	m.Header.Set(natsjs.MsgIDHeader, l.MsgID+replayMark+strconv.FormatUint(seq, 10))
	if _, err := d.js.PublishMsg(ctx, m); err != nil {
		return fmt.Errorf("jetstream: replay %d: %w", seq, err)
	}
	s, err := d.stream(ctx)
	if err == nil {
		err = s.DeleteMsg(ctx, seq)
	}
	if err != nil {
		return fmt.Errorf("jetstream: replayed %d but could not delete it: %w", seq, err)
	}
	return nil
}

func deadLetterOf(m *natsjs.RawStreamMsg) DeadLetter {
	num := func(h string) uint64 {
		n, _ := strconv.ParseUint(m.Header.Get(h), 10, 64)
		return n
	}
	return DeadLetter{
		Seq: m.Sequence, Consumer: m.Header.Get(HeaderConsumer), Subject: m.Header.Get(HeaderSubject),
		MsgID: eventID(m.Header.Get(HeaderMsgID)), Reason: m.Header.Get(HeaderReason),
		Deliveries: num(HeaderDeliveries), StreamSeq: num(HeaderStreamSeq), Time: m.Time, Data: m.Data,
	}
}

// replayMark separates an event id from the dead letter's sequence in the
// Nats-Msg-Id of a replay.
const replayMark = ".replay."

// eventID is the event id in a Nats-Msg-Id, a replay's included, so a
// message dead-lettered again after a replay names its event.
func eventID(msgID string) string {
	id, _, _ := strings.Cut(msgID, replayMark)
	return id
}
