#include <stdint.h>
#include <stdbool.h>
#include "stm32f4xx.h"
#include "uart_rx.h"

#define RX_SIZE 64

static uint8_t rx_buf[RX_SIZE];
static uint8_t rx_head;
static uint8_t rx_tail;
static uint32_t rx_dropped;

void uart_rx_init(void)
{
    USART2->CR1 |= USART_CR1_RXNEIE;
    NVIC_EnableIRQ(USART2_IRQn);
}

void USART2_IRQHandler(void)
{
    uint8_t byte = USART2->DR;
    uint8_t next = rx_head + 1;
    if (next == rx_tail) {
        rx_dropped++;
        return;
    }
    rx_buf[rx_head] = byte;
    rx_head = next;
}

bool uart_read(uint8_t *out)
{
    if (rx_head == rx_tail) {
        return false;
    }
    *out = rx_buf[rx_tail];
    rx_tail = (rx_tail + 1) % RX_SIZE;
    return true;
}

uint32_t uart_dropped(void)
{
    return rx_dropped;
}
