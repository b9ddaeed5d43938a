#include <stdint.h>
#include "board.h"
#include "command.h"
#include "uart_rx.h"

int main(void)
{
    board_init();
    uart_rx_init();
    for (;;) {
        uint8_t b;
        while (!uart_read(&b)) {
        }
        command_feed(b);
    }
}
