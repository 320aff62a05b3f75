package mongodb

import "talentd/registry"

// recordEvents are the events of one record to clear.
type recordEvents struct {
	kind   registry.Kind
	id     string
	ids    map[string]bool
	events []registry.Event
}

// groupByRecord groups events by record, in first-seen order. An event
// without a kind takes it from its record id's prefix.
func groupByRecord(events []registry.Event) []recordEvents {
	var groups []recordEvents
	at := map[string]int{}
	for _, e := range events {
		kind := e.Kind
		if kind == "" {
			kind, _ = registry.KindOfID(e.RecordID)
		}
		key := string(kind) + "/" + e.RecordID
		i, ok := at[key]
		if !ok {
			i = len(groups)
			at[key] = i
			groups = append(groups, recordEvents{kind: kind, id: e.RecordID, ids: map[string]bool{}})
		}
		if !groups[i].ids[e.ID] {
			groups[i].ids[e.ID] = true
			groups[i].events = append(groups[i].events, e)
		}
	}
	return groups
}

// mergeByTime merges per-record queues into one list, oldest first, never
// reordering a queue, and stops at limit. Ties go to the queue listed
// first.
func mergeByTime(queues [][]registry.Event, limit int) []registry.Event {
	var out []registry.Event
	heads := make([]int, len(queues))
	for len(out) < limit {
		best := -1
		for i, q := range queues {
			if heads[i] == len(q) {
				continue
			}
			if best < 0 || q[heads[i]].Time.Before(queues[best][heads[best]].Time) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out = append(out, queues[best][heads[best]])
		heads[best]++
	}
	return out
}
