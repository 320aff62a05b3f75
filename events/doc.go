// Package events is talentd's event contract: the CloudEvents 1.0 JSON
// envelope every domain event travels in, the one list of subjects, streams
// and durable consumer names (contract.go), and the typed payloads.
//
// It must not import any other talentd package: registry, api,
// events/jetstream and cmd/talentd import it, not the other way round. It knows nothing of NATS either; the JetStream
// adapter is events/jetstream.
package events
