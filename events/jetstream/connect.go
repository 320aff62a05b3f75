package jetstream

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"
)

// Connect dials a NATS server or cluster (url may list several, comma
// separated). It never gives up: a server that is down at start or goes
// away later is retried forever with a back-off of 100 ms doubling to 5 s,
// with jitter, so talentd starts and keeps taking writes while NATS is down.
// Ready tells whether it is connected now.
func Connect(url, name string, opts ...nats.Option) (*nats.Conn, error) {
	base := []nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.RetryOnFailedConnect(true),
		nats.CustomReconnectDelay(reconnectDelay),
		nats.PingInterval(10 * time.Second),
	}
	nc, err := nats.Connect(url, append(base, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("jetstream: connect: %w", err)
	}
	return nc, nil
}

// reconnectDelay is 100 ms doubling per attempt up to 5 s, plus up to 20%
// jitter so a cluster restart is not met by every client at once.
func reconnectDelay(attempts int) time.Duration {
	d := 5 * time.Second
	if attempts < 6 {
		d = 100 * time.Millisecond << attempts
	}
	return d + time.Duration(rand.Int64N(int64(d)/5+1))
}

// New returns the JetStream API on nc with a bounded window of
// asynchronous publishes and a timeout on their acks, as the relay expects.
func New(nc *nats.Conn) (natsjs.JetStream, error) {
	js, err := natsjs.New(nc,
		natsjs.WithPublishAsyncMaxPending(16384),
		natsjs.WithPublishAsyncTimeout(10*time.Second))
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	return js, nil
}

// Ready reports whether the connection is up and JetStream answers; it is
// the NATS half of /readyz.
func Ready(ctx context.Context, js natsjs.JetStream) error {
	if st := js.Conn().Status(); st != nats.CONNECTED {
		return fmt.Errorf("jetstream: not connected (%s)", st)
	}
	if _, err := js.AccountInfo(ctx); err != nil {
		return fmt.Errorf("jetstream: not answering: %w", err)
	}
	return nil
}
