//go:build unix

package extractive

import (
	"syscall"
	"time"
)

// tkCPUTime returns the CPU time the process has used so far (user and
// system), so benchmarks can report a rate that does not depend on how busy
// the machine is.
func tkCPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
