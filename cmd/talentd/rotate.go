package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"talentd/registry"
	"talentd/registry/pii"
)

// resealPage is how many documents rotate-pii reads at a time.
const resealPage = 200

// resealRetries bounds the re-reads of a document that changed under
// rotate-pii (another talentd sharing a MongoDB wrote it meanwhile).
const resealRetries = 5

// bodyReplacer is the store method rotate-pii writes with: the body
// replaced at the same version, no event, indexes untouched.
type bodyReplacer interface {
	ReplaceBody(ctx context.Context, kind registry.Kind, id string, version int64, body []byte) error
}

// rotatePII adds a new personal-data key to the key file and re-encrypts
// every stored personal number under it. With TALENTD_PII_KEY the keys
// come from there: put the new key last in the variable first (on every
// talentd), then run this to move the stored values to it.
func rotatePII(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	c, cfg, err := openChoreCommand(ctx, "keys rotate-pii", args, getenv, stderr, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	keyring, err := pii.LoadOrCreate(cfg.DataDir, cfg.PIIKey)
	if err != nil {
		return err
	}
	active, err := keyring.Rotate()
	switch {
	case errors.Is(err, pii.ErrKeysFromEnv):
		active = keyring.ActiveKeyID()
		fmt.Fprintf(stderr, "keys come from TALENTD_PII_KEY: re-encrypting under its last key %s\n", active)
	case err != nil:
		return err
	default:
		fmt.Fprintf(stderr, "added personal-data key %s to %s\n", active, cfg.DataDir)
	}
	docs, values, err := resealAll(ctx, c.store, keyring)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "re-encrypted %d personal numbers in %d records under key %s\n", values, docs, active)
	return c.service.AuditKeyChange(cliRequest(ctx, "keys rotate-pii"), registry.System, "pii_key:rotate", active)
}

// resealAll walks every record of every kind and re-seals its personal
// numbers that another key sealed. It returns how many records and values
// it changed.
func resealAll(ctx context.Context, st registry.Store, k *pii.Keyring) (docs, values int, err error) {
	w, ok := st.(bodyReplacer)
	if !ok {
		return 0, 0, fmt.Errorf("talentd: the store cannot replace record bodies")
	}
	for _, kind := range registry.Kinds {
		q := registry.Query{Kind: kind, Limit: resealPage}
		for {
			page, err := st.List(ctx, q)
			if err != nil {
				return docs, values, fmt.Errorf("talentd: list %s: %w", kind, err)
			}
			for _, d := range page {
				n, err := resealDoc(ctx, st, w, k, d)
				if err != nil {
					return docs, values, err
				}
				docs, values = docs+min(n, 1), values+n
			}
			if len(page) < resealPage {
				break
			}
			last := page[len(page)-1]
			q.After = &registry.Cursor{CreatedAt: last.CreatedAt, ID: last.ID}
		}
	}
	return docs, values, nil
}

// resealDoc re-seals one document, reading it again if it changed
// meanwhile; it returns how many values it re-sealed.
func resealDoc(ctx context.Context, st registry.Store, w bodyReplacer, k *pii.Keyring, d registry.Document) (int, error) {
	for range resealRetries {
		body, n, err := resealBody(d, k)
		if err != nil || n == 0 {
			return 0, err
		}
		err = w.ReplaceBody(ctx, d.Kind, d.ID, d.Version, body)
		if err == nil {
			return n, nil
		}
		if !errors.Is(err, registry.ErrVersionMismatch) {
			return 0, fmt.Errorf("talentd: re-seal %s: %w", d.ID, err)
		}
		if d, err = st.Get(ctx, d.Kind, d.ID); errors.Is(err, registry.ErrNotFound) {
			return 0, nil
		} else if err != nil {
			return 0, fmt.Errorf("talentd: re-read %s: %w", d.ID, err)
		}
	}
	return 0, fmt.Errorf("talentd: re-seal %s: it kept changing; run rotate-pii again", d.ID)
}

// resealBody returns d's body with every personal number sealed under the
// active key, and how many it changed (0: the body as it was).
func resealBody(d registry.Document, k *pii.Keyring) ([]byte, int, error) {
	r, err := registry.DecodeRecord(d.Kind, d.Body)
	if err != nil {
		return nil, 0, fmt.Errorf("talentd: decode %s: %w", d.ID, err)
	}
	n := 0
	for _, f := range registry.PersonalFields(r) {
		out, changed, err := k.Reseal(*f.Value)
		if err != nil {
			return nil, 0, fmt.Errorf("talentd: %s %s: %w", d.ID, f.Path, err)
		}
		if changed {
			*f.Value, n = out, n+1
		}
	}
	if n == 0 {
		return d.Body, 0, nil
	}
	body, err := registry.EncodeRecord(r)
	return body, n, err
}
