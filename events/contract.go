package events

import (
	"fmt"
	"regexp"
	"strings"
)

// The event contract, on one screen. Every subject (CloudEvents type),
// stream, dead-letter subject, durable consumer and KV bucket name is here.
//
// Types. A CloudEvents type is talent.<kind>.<event>. It never carries the
// deployment prefix: consumers branch on the type, whatever server they run on.
//
// NATS subjects. With no prefix an event is published on its type
// (talent.enclave.recognized). With a prefix p it is published on
// p.<type> (acme.talent.enclave.recognized) and the type in the envelope stays
// talent.enclave.recognized. A prefix is one subject token (ValidPrefix), and
// may not be a root token ("talent", "talentdlq"), so the subjects of two
// deployments on one server never overlap: p.talent.> and q.talent.> share no
// subject, and neither falls under the unprefixed talent.>.
//
// Streams. Stream names take the prefix too (acme_TALENT_EVENTS): the
// events stream holds <prefix.>talent.>, the dead-letter stream
// <prefix.>talentdlq.> with one subject per consumer.
//
// Durable consumers belong to the prefixed stream, so their names carry no
// prefix. THEY NEVER CHANGE CASUALLY: a renamed durable is a new consumer,
// which starts over and replays the whole stream into its handler.

// Envelope constants.
const (
	SpecVersion = "1.0"
	Source      = "talentd"
	ContentType = "application/json"
)

// Root tokens. A prefix may not equal either.
const (
	Root           = "talent"
	DeadLetterRoot = "talentdlq"
)

// Kinds as they appear in subjects (talent.<kind>.<event>).
const (
	KindTalent      = "talent"
	KindExpert      = "expert"
	KindWorkstation = "workstation"
	KindEnclave     = "enclave"
	// Reserved for later issues.
	KindReminder = "reminder"
	KindSubsidy  = "subsidy"
)

// Generic record events, one of each per kind.
const (
	ActionCreated       = "created"        // RecordCreated
	ActionUpdated       = "updated"        // RecordUpdated
	ActionStatusChanged = "status_changed" // RecordStatusChanged
	ActionDeleted       = "deleted"        // RecordDeleted
)

// Named events, each with its own payload.
const (
	EnclaveRecognized    = "talent.enclave.recognized"    // EnclaveRecognizedData
	EnclaveRevoked       = "talent.enclave.revoked"       // EnclaveRevokedData
	WorkstationFiled     = "talent.workstation.filed"     // WorkstationFiledData
	WorkstationEvaluated = "talent.workstation.evaluated" // WorkstationEvaluatedData
	TalentApproved       = "talent.talent.approved"       // TalentApprovedData
	ExpertPermitRenewed  = "talent.expert.permit_renewed" // PermitRenewedData
	ExpertPermitExpired  = "talent.expert.permit_expired" // PermitExpiredData
	EnclaveReportFiled   = "talent.enclave.report_filed"  // reserved: status reports
	ReminderDue          = "talent.reminder.due"          // reserved: reminder scheduler
	SubsidyEvents        = "talent.subsidy.>"             // reserved: subsidy worker
)

// Streams and KV buckets (base names; Name adds the prefix).
const (
	StreamEvents      = "TALENT_EVENTS"
	StreamDeadLetters = "TALENT_DLQ"
	BucketApplied     = "TALENT_APPLIED" // event ids each consumer applied (Once)
	BucketLeases      = "TALENT_LEASES"  // reserved: the reminder scheduler's lease
)

// Durable consumer names. Never rename one casually (see above).
const (
	ConsumerSubsidy   = "subsidy"
	ConsumerDeadlines = "deadlines"
	ConsumerReminder  = "reminder"
	ConsumerNotifier  = "notifier"
	// Relay is not a consumer: its dead letters are outbox events that
	// cannot form a valid envelope.
	Relay = "relay"
)

// Durables lists every durable consumer with its one filter (a type
// pattern, prefixed by Subject when the consumer is created). A filter may
// be narrowed later (the server updates the durable in place); a name may not
// change.
var Durables = []Durable{
	{ConsumerSubsidy, Root + ".>"},
	{ConsumerDeadlines, Root + ".>"},
	{ConsumerReminder, Root + ".>"},
	{ConsumerNotifier, Root + ".>"},
}

// Durable is a durable consumer and the types it receives.
type Durable struct {
	Name   string
	Filter string
}

// Kinds lists the four record kinds in subject form.
var Kinds = []string{KindTalent, KindExpert, KindWorkstation, KindEnclave}

// Type returns talent.<kind>.<action>.
func Type(kind, action string) string { return Root + "." + kind + "." + action }

// SubjectCreated is the type of a new record of the kind.
func SubjectCreated(kind string) string { return Type(kind, ActionCreated) }

// SubjectUpdated is the type of a field change of a record of the kind.
func SubjectUpdated(kind string) string { return Type(kind, ActionUpdated) }

// SubjectStatusChanged is the type of a lifecycle move of the kind.
func SubjectStatusChanged(kind string) string { return Type(kind, ActionStatusChanged) }

// SubjectDeleted is the type of a deleted record of the kind.
func SubjectDeleted(kind string) string { return Type(kind, ActionDeleted) }

// Types lists every type published today (not the reserved ones).
func Types() []string {
	var out []string
	for _, k := range Kinds {
		for _, a := range []string{ActionCreated, ActionUpdated, ActionStatusChanged, ActionDeleted} {
			out = append(out, Type(k, a))
		}
	}
	return append(out, EnclaveRecognized, EnclaveRevoked, WorkstationFiled,
		WorkstationEvaluated, TalentApproved, ExpertPermitRenewed, ExpertPermitExpired)
}

var prefixRe = regexp.MustCompile(`^[A-Za-z0-9_-]{1,32}$`)

// ValidPrefix reports whether p may prefix subjects and stream names: empty,
// or one token of letters, digits, '_' and '-' that is not a root token.
func ValidPrefix(p string) error {
	if p == "" {
		return nil
	}
	if !prefixRe.MatchString(p) || p == Root || p == DeadLetterRoot {
		return fmt.Errorf("events: invalid prefix %q: want 1-32 of [A-Za-z0-9_-], not %q or %q", p, Root, DeadLetterRoot)
	}
	return nil
}

// Subject returns the NATS subject an event type (or type pattern) is
// published on under the prefix.
func Subject(prefix, typ string) string {
	if prefix == "" {
		return typ
	}
	return prefix + "." + typ
}

// TypeOf returns the type published on the NATS subject under the prefix.
func TypeOf(prefix, subject string) (string, bool) {
	if prefix == "" {
		return subject, strings.HasPrefix(subject, Root+".")
	}
	t, ok := strings.CutPrefix(subject, prefix+".")
	return t, ok && strings.HasPrefix(t, Root+".")
}

// DeadLetterSubject is where a consumer's dead letters go under the prefix.
func DeadLetterSubject(prefix, consumer string) string {
	return Subject(prefix, DeadLetterRoot+"."+consumer)
}

// Name returns a stream or bucket base name under the prefix.
func Name(prefix, base string) string {
	if prefix == "" {
		return base
	}
	return prefix + "_" + base
}
