package main

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"talentd/api/apitest"
)

// built holds the binaries the process tests share, built once per run.
var built struct {
	once             sync.Once
	dir              string
	talentd, natsSrv string
	err              error
}

// buildBinaries builds talentd and a nats-server (the module version
// talentd embeds), in parallel, once per test run, and returns their
// paths. TestMain removes them.
func buildBinaries(t *testing.T) (talentd, natsServer string) {
	t.Helper()
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "talentd-bin-")
		if built.err != nil {
			return
		}
		built.talentd, built.natsSrv = filepath.Join(built.dir, "talentd"), filepath.Join(built.dir, "nats-server")
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, b := range [][2]string{{built.talentd, "talentd/cmd/talentd"}, {built.natsSrv, "github.com/nats-io/nats-server/v2"}} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if out, err := exec.Command(goTool(), "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
					errs[i] = fmt.Errorf("go build %s: %w\n%s", b[1], err, out)
				}
			}()
		}
		wg.Wait()
		built.err = errors.Join(errs...)
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.talentd, built.natsSrv
}

// removeBinaries deletes what buildBinaries built.
func removeBinaries() {
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
}

// goTool is the go command of the toolchain running the test.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// proc is a child process whose output is kept for the failure message.
type proc struct {
	name string
	cmd  *exec.Cmd
	out  *apitest.LogBuffer
	done chan struct{}
}

// startProc starts the program; it is killed when the test ends, and its
// output's tail is logged if the test failed.
func startProc(t *testing.T, name string, env []string, path string, args ...string) *proc {
	t.Helper()
	p := &proc{name: name, cmd: exec.Command(path, args...), out: &apitest.LogBuffer{}, done: make(chan struct{})}
	p.cmd.Env = append(os.Environ(), env...)
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.kill()
		if t.Failed() {
			t.Logf("%s output (tail):\n%s", name, p.out.Tail(3000))
		}
	})
	return p
}

// kill sends SIGKILL and waits until the process is gone.
func (p *proc) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop sends SIGTERM and waits up to d for a graceful exit.
func (p *proc) stop(t *testing.T, d time.Duration) {
	t.Helper()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(d):
		t.Errorf("%s did not stop within %s of SIGTERM", p.name, d)
	}
}

// startNATSServer runs the nats-server binary with JetStream, storing in
// dir, on a free loopback port, and returns its URL once it answers.
func startNATSServer(t *testing.T, bin, dir string) (*proc, string) {
	t.Helper()
	port := strconv.Itoa(freePort(t))
	p := startProc(t, "nats-server", nil, bin, "-js", "-a", "127.0.0.1", "-p", port, "-sd", dir)
	url := "nats://127.0.0.1:" + port
	waitUntil(t, 15*time.Second, func() bool {
		nc, err := nats.Connect(url)
		if err == nil {
			nc.Close()
		}
		return err == nil
	})
	return p, url
}

// startTalentd runs the talentd binary on the data directory, listening on
// addr (a free port when ""), with env (TALENTD_* settings), and returns
// its base URL once /readyz answers 200.
func startTalentd(t *testing.T, bin, dataDir, addr string, env ...string) (*proc, string) {
	t.Helper()
	if addr == "" {
		addr = "127.0.0.1:" + strconv.Itoa(freePort(t))
	}
	env = append([]string{"TALENTD_HTTP_ADDR=" + addr, "TALENTD_DATA_DIR=" + dataDir,
		"TALENTD_BOOTSTRAP_TOKEN=" + testToken, "TALENTD_RATE_LIMIT=0", "TALENTD_LOG_LEVEL=warn"}, env...)
	p := startProc(t, "talentd", env, bin)
	base := "http://" + addr
	var last string
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		res, err := http.Get(base + "/readyz")
		if err == nil {
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return p, base
			}
			last = string(b)
		} else {
			last = err.Error()
		}
		if time.Now().After(deadline) {
			t.Fatalf("talentd not ready after 30s: %s", last)
		}
	}
}
