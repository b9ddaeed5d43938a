package fetch

import (
	"context"
	"io"
	"net/http"
	"time"
)

type Client struct {
	HTTP    *http.Client
	Timeout time.Duration
}

func New(timeout time.Duration) *Client {
	return &Client{HTTP: &http.Client{}, Timeout: timeout}
}

func (c *Client) Get(ctx context.Context, url string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), c.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	defer resp.Body.Close()
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}
