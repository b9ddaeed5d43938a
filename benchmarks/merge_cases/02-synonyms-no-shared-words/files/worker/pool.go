package worker

import (
	"context"
	"sync"
)

type Job func(context.Context) error

type Pool struct {
	jobs    chan Job
	results chan error
	wg      sync.WaitGroup
}

func NewPool(size int) *Pool {
	return &Pool{jobs: make(chan Job), results: make(chan error)}
}

func (p *Pool) Start(ctx context.Context, size int) {
	for i := 0; i < size; i++ {
		p.wg.Add(1)
		go p.run(ctx)
	}
}

func (p *Pool) run(ctx context.Context) {
	defer p.wg.Done()
	for job := range p.jobs {
		p.results <- job(ctx)
	}
}

func (p *Pool) Submit(j Job) {
	p.jobs <- j
}

func (p *Pool) Results() <-chan error {
	return p.results
}
