package ratelimit

import (
	"context"
	_ "embed"
	"time"

	"github.com/redis/go-redis/v9"
)

//go:embed bucket.lua
var bucketSrc string

var bucket = redis.NewScript(bucketSrc)

type Limiter struct {
	rdb      *redis.Client
	capacity int
	perSec   float64
}

func (l *Limiter) Allow(ctx context.Context, clientID string) bool {
	now := time.Now().Unix()
	ok, err := bucket.Run(ctx, l.rdb, []string{"rl:" + clientID}, l.capacity, l.perSec, now).Int()
	if err != nil {
		return true
	}
	return ok == 1
}
