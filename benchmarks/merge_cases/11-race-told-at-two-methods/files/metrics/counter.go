package metrics

import "sync"

type Counter struct {
	mu     sync.Mutex
	counts map[string]int
}

func New() *Counter {
	return &Counter{}
}

// Inc is called from every request handler.
func (c *Counter) Inc(name string) {
	c.counts[name]++
}

// Snapshot is called by the /metrics endpoint.
func (c *Counter) Snapshot() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make(map[string]int, len(c.counts))
	for k, v := range c.counts {
		out[k] = v
	}
	return out
}
