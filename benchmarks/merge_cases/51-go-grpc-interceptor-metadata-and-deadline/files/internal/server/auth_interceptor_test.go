package server

import (
	"context"
	"errors"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type rejectAll struct{}

func (rejectAll) Check(context.Context, string) (string, error) { return "", errors.New("expired") }

func TestAuthInterceptorRejectsBadToken(t *testing.T) {
	ctx := metadata.NewIncomingContext(context.Background(), metadata.Pairs("authorization", "Bearer x"))
	info := &grpc.UnaryServerInfo{FullMethod: "/orders.Orders/Get"}
	_, err := AuthInterceptor(rejectAll{})(ctx, nil, info, func(context.Context, any) (any, error) { return nil, nil })
	if status.Code(err) != codes.Internal {
		t.Fatalf("got %v", err)
	}
}
