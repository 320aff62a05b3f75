package jetstream

import (
	"context"
	"errors"
	"fmt"
	"time"

	natsjs "github.com/nats-io/nats.go/jetstream"

	"talentd/events"
	"talentd/registry"
)

var errAckTimeout = errors.New("jetstream: no ack in time")

// publish sends a batch of pending events (oldest first, version order per
// record) in rounds: round k holds the k-th event of every record, so a
// record's event is published only once its previous one is acknowledged.
// A record whose event fails sits out the later rounds. It returns the
// acknowledged events and the first error.
func (r *Relay) publish(ctx context.Context, batch []registry.Event) ([]registry.Event, error) {
	var done []registry.Event
	var firstErr error
	failed := map[string]bool{}
	for _, round := range rounds(batch) {
		var todo []registry.Event
		for _, e := range round {
			if !failed[e.RecordID] {
				todo = append(todo, e)
			}
		}
		acked, bad, err := r.publishRound(ctx, todo)
		done = append(done, acked...)
		for _, e := range bad {
			failed[e.RecordID] = true
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return done, firstErr
}

// rounds splits a batch into rounds of at most one event per record,
// keeping the batch order inside each round.
func rounds(batch []registry.Event) [][]registry.Event {
	var out [][]registry.Event
	nth := map[string]int{}
	for _, e := range batch {
		k := nth[e.RecordID]
		nth[e.RecordID] = k + 1
		if k == len(out) {
			out = append(out, nil)
		}
		out[k] = append(out[k], e)
	}
	return out
}

type inflight struct {
	ev       registry.Event
	ack      natsjs.PubAckFuture
	deadline time.Time
}

// publishRound publishes events asynchronously with at most Window awaiting
// their ack, and sorts them into acknowledged and failed.
func (r *Relay) publishRound(ctx context.Context, round []registry.Event) (acked, failed []registry.Event, err error) {
	window := make([]inflight, 0, min(r.cfg.Window, len(round)))
	settle := func(p inflight) {
		if e := r.await(ctx, p); e != nil {
			failed = append(failed, p.ev)
			err = cmpErr(err, fmt.Errorf("jetstream: relay: publish %s: %w", p.ev.ID, e))
			return
		}
		acked = append(acked, p.ev)
	}
	for i, ev := range round {
		if len(window) == r.cfg.Window {
			settle(window[0])
			window = window[1:]
		}
		p, e := r.send(ctx, ev)
		if e != nil {
			failed = append(failed, round[i:]...)
			err = cmpErr(err, e)
			break
		}
		window = append(window, p)
	}
	for _, p := range window {
		settle(p)
	}
	return acked, failed, err
}

func cmpErr(old, e error) error {
	if old != nil {
		return old
	}
	return e
}

// send publishes one event's envelope; an event that can never be a valid
// envelope goes to the dead-letter stream instead, so it blocks nothing.
func (r *Relay) send(ctx context.Context, ev registry.Event) (inflight, error) {
	body, err := events.Encode(envelope(ev))
	if err != nil {
		return r.sendDeadLetter(ctx, ev, err)
	}
	subject := events.Subject(r.cfg.Prefix, ev.Type)
	f, err := r.js.PublishAsync(subject, body, natsjs.WithMsgID(ev.ID))
	if err != nil {
		return inflight{}, fmt.Errorf("jetstream: relay: publish %s: %w", ev.ID, err)
	}
	return inflight{ev: ev, ack: f, deadline: time.Now().Add(r.cfg.AckTimeout)}, nil
}

// envelope is the CloudEvents form of an outbox event.
func envelope(ev registry.Event) events.Event {
	return events.Event{
		SpecVersion: events.SpecVersion, ID: ev.ID, Source: events.Source, Type: ev.Type,
		Subject: ev.RecordID, Time: ev.Time.UTC(), DataContentType: events.ContentType, Data: ev.Data,
	}
}

// await waits for one publish's ack until its deadline.
func (r *Relay) await(ctx context.Context, p inflight) error {
	select {
	case <-p.ack.Ok():
		return nil
	case err := <-p.ack.Err():
		return err
	default:
	}
	t := time.NewTimer(time.Until(p.deadline))
	defer t.Stop()
	select {
	case <-p.ack.Ok():
		return nil
	case err := <-p.ack.Err():
		return err
	case <-t.C:
		return errAckTimeout
	case <-ctx.Done():
		return ctx.Err()
	}
}
