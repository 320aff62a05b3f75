// Package eventstest helps tests that publish or consume talentd's events:
// an embedded nats-server with the streams set up, and readers of what a
// stream holds. It is for tests only; production code must not import it.
package eventstest
