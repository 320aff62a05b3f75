package events

import "time"

// DeadLetter is one message a consumer (or the relay) gave up on, as the
// dead-letter stream keeps it. Its Data is the original message, byte for
// byte; an event's personal numbers never reach it because events carry
// none.
type DeadLetter struct {
	Seq        uint64    // its place in the dead-letter stream: the id to replay
	Consumer   string    // the durable that gave up (or Relay)
	Subject    string    // the original NATS subject
	MsgID      string    // the original Nats-Msg-Id: the event id
	Reason     string    // why
	Deliveries uint64    // how many times it was delivered
	StreamSeq  uint64    // its sequence in the events stream (0 from the relay)
	Time       time.Time // when it was dead-lettered
	Data       []byte    // the original message
}
