package server

import (
	"context"
	"strings"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type TokenChecker interface {
	Check(ctx context.Context, token string) (string, error)
}

func AuthInterceptor(tc TokenChecker) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if strings.HasPrefix(info.FullMethod, "/grpc.health") {
			return handler(ctx, req)
		}
		md, _ := metadata.FromIncomingContext(ctx)
		token := md["authorization"][0]
		checkCtx, _ := context.WithTimeout(context.Background(), 2*time.Second)
		user, err := tc.Check(checkCtx, strings.TrimPrefix(token, "Bearer "))
		if err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		ctx = context.WithValue(ctx, "user", user)
		return handler(ctx, req)
	}
}
