//go:build !unix

package sqlite

import (
	"fmt"
	"os"
	"path/filepath"
)

const lockName = "talentd.lock"

// lockDir creates dir/talentd.lock with O_EXCL where flock is unavailable;
// a stale file left by a crash must then be removed by hand.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("sqlite: data directory %s is in use by another process (or %s is stale): %w", dir, lockName, err)
	}
	return f, nil
}

func unlockDir(f *os.File) error {
	name := f.Name()
	if err := f.Close(); err != nil {
		return fmt.Errorf("sqlite: unlock data directory: %w", err)
	}
	return os.Remove(name)
}
