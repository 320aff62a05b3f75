package jetstream

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/registry"
)

// Headers of a dead letter. Its body is the original message, byte for byte.
const (
	HeaderReason     = "Talentd-Dlq-Reason"     // why it was given up
	HeaderSubject    = "Talentd-Dlq-Subject"    // the original NATS subject
	HeaderConsumer   = "Talentd-Dlq-Consumer"   // the durable that gave up
	HeaderDeliveries = "Talentd-Dlq-Deliveries" // how often it was delivered
	HeaderStreamSeq  = "Talentd-Dlq-Stream-Seq" // its sequence in the events stream
	HeaderMsgID      = "Talentd-Dlq-Msg-Id"     // its Nats-Msg-Id (the event id)
)

// letter is what a dead letter records.
type letter struct {
	consumer, subject, msgID, reason string
	deliveries, streamSeq            uint64
	body                             []byte
}

// msg builds the dead-letter message. Its own Nats-Msg-Id is derived from
// the consumer and the original, so writing it twice stores it once.
func (l letter) msg(prefix string) *nats.Msg {
	m := nats.NewMsg(events.DeadLetterSubject(prefix, l.consumer))
	m.Data = l.body
	m.Header.Set(HeaderReason, headerSafe(l.reason))
	m.Header.Set(HeaderSubject, l.subject)
	m.Header.Set(HeaderConsumer, l.consumer)
	m.Header.Set(HeaderDeliveries, strconv.FormatUint(l.deliveries, 10))
	m.Header.Set(HeaderStreamSeq, strconv.FormatUint(l.streamSeq, 10))
	m.Header.Set(HeaderMsgID, l.msgID)
	id := l.msgID
	if l.streamSeq > 0 {
		id = strconv.FormatUint(l.streamSeq, 10)
	}
	m.Header.Set(natsjs.MsgIDHeader, l.consumer+":"+id)
	return m
}

// headerSafe keeps a reason on one line and under 1 KiB.
func headerSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
	if len(s) > 1024 {
		s = strings.ToValidUTF8(s[:1024], "")
	}
	return s
}

// sendDeadLetter dead-letters an outbox event that cannot be published; the
// relay clears it from the outbox once the dead-letter stream has it.
func (r *Relay) sendDeadLetter(ctx context.Context, ev registry.Event, reason error) (inflight, error) {
	l := letter{consumer: events.Relay, subject: events.Subject(r.cfg.Prefix, ev.Type), msgID: ev.ID,
		reason: reason.Error(), body: ev.Data}
	r.cfg.Logger.Error("relay: dead-lettering an invalid event", "id", ev.ID, "type", ev.Type, "err", reason)
	f, err := r.js.PublishMsgAsync(l.msg(r.cfg.Prefix))
	if err != nil {
		return inflight{}, err
	}
	return inflight{ev: ev, ack: f, deadline: time.Now().Add(r.cfg.AckTimeout)}, nil
}
