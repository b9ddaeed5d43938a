#include "EventBus.h"

#include <gtest/gtest.h>

TEST(EventBus, PublishReachesSubscriber) {
    EventBus bus;
    int seen = 0;
    bus.subscribe("order", Handler{1, [&](const Event&) { ++seen; }});
    bus.publish("order", Event{});
    EXPECT_EQ(seen, 1);
}

TEST(EventBus, FindReturnsHandler) {
    EventBus bus;
    bus.subscribe("order", Handler{1, [](const Event&) {}});
    const Handler* h = bus.find("order", 1);
    bus.subscribe("order", Handler{2, [](const Event&) {}});
    EXPECT_EQ(h->id, 1);
}
