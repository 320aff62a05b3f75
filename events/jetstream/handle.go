package jetstream

import (
	"context"
	"fmt"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
)

// handle answers one delivery: ack, nak with a delay, or dead-letter and
// terminate (see Consume).
func (r *runner) handle(ctx context.Context, msg natsjs.Msg) {
	md, err := msg.Metadata()
	if err != nil {
		r.cfg.Logger.Error("consumer: delivery without metadata", "durable", r.cfg.Durable, "err", err)
		return // it comes back after AckWait
	}
	e, err := r.decode(msg)
	if err != nil {
		r.giveUp(ctx, msg, md, "undecodable: "+err.Error())
		return
	}
	err = r.call(ctx, msg, e)
	switch {
	case err == nil:
		r.answer(msg.Ack(), "ack", e.ID)
	case ctx.Err() != nil:
		// Shutting down: leave it unanswered; it comes back after AckWait.
	case events.IsPermanent(err):
		r.giveUp(ctx, msg, md, err.Error())
	case int(md.NumDelivered) >= r.cfg.MaxDeliver:
		r.giveUp(ctx, msg, md, fmt.Sprintf("failed %d deliveries, last: %v", md.NumDelivered, err))
	default:
		r.cfg.Logger.Warn("consumer: will retry", "durable", r.cfg.Durable, "id", e.ID, "delivery", md.NumDelivered, "err", err)
		r.answer(msg.NakWithDelay(r.delay(md.NumDelivered)), "nak", e.ID)
	}
}

// decode reads the envelope and checks that its type is the one the
// subject carries.
func (r *runner) decode(msg natsjs.Msg) (events.Event, error) {
	e, err := events.Decode(msg.Data())
	if err != nil {
		return events.Event{}, err
	}
	if typ, ok := events.TypeOf(r.cfg.Prefix, msg.Subject()); !ok || typ != e.Type {
		return events.Event{}, fmt.Errorf("%w: type %q sent on subject %q", events.ErrInvalid, e.Type, msg.Subject())
	}
	return e, nil
}

// call runs the handler, telling the server the delivery is in progress
// every half AckWait so it is not redelivered meanwhile. A panic is a
// transient error.
func (r *runner) call(ctx context.Context, msg natsjs.Msg, e events.Event) (err error) {
	stop := r.keepAlive(msg)
	defer stop()
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("jetstream: handler panicked: %v", p)
		}
	}()
	return r.h(ctx, e)
}

// keepAlive sends InProgress every half AckWait until the returned stop.
func (r *runner) keepAlive(msg natsjs.Msg) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(max(r.cfg.AckWait/2, 50*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	}()
	return func() { close(done) }
}

// delay is the BackOff entry for the delivery that just failed.
func (r *runner) delay(delivered uint64) time.Duration {
	i := min(int(delivered)-1, len(r.cfg.BackOff)-1)
	return r.cfg.BackOff[max(i, 0)]
}

func (r *runner) answer(err error, what, id string) {
	if err != nil {
		r.cfg.Logger.Warn("consumer: "+what+" failed; it will be redelivered", "durable", r.cfg.Durable, "id", id, "err", err)
	}
}

// giveUp copies the message to the dead-letter stream, then terminates it.
// Until the copy is stored it keeps the delivery alive and retries, so a
// dead letter is never dropped for want of a stream; if ctx ends first the
// delivery is left unanswered and comes back (unless it was the last).
func (r *runner) giveUp(ctx context.Context, msg natsjs.Msg, md *natsjs.MsgMetadata, reason string) {
	l := letter{consumer: r.cfg.Durable, subject: msg.Subject(), msgID: msg.Headers().Get(natsjs.MsgIDHeader),
		reason: reason, deliveries: md.NumDelivered, streamSeq: md.Sequence.Stream, body: msg.Data()}
	stop := r.keepAlive(msg)
	defer stop()
	for attempt := 0; ; attempt++ {
		_, err := r.js.PublishMsg(ctx, l.msg(r.cfg.Prefix))
		if err == nil {
			break
		}
		r.cfg.Logger.Error("consumer: cannot write dead letter", "durable", r.cfg.Durable, "seq", l.streamSeq, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(reconnectDelay(min(attempt, 6))):
		}
	}
	r.cfg.Logger.Warn("consumer: dead-lettered", "durable", r.cfg.Durable, "id", l.msgID, "seq", l.streamSeq, "reason", l.reason)
	r.answer(msg.Term(), "term", l.msgID)
}
