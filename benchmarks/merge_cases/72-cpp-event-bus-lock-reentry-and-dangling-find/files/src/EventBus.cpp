#include "EventBus.h"

#include <algorithm>
#include <mutex>

void EventBus::subscribe(const std::string& topic, Handler h) {
    std::lock_guard<std::mutex> lock(mu_);
    handlers_[topic].push_back(std::move(h));
}

void EventBus::unsubscribe(const std::string& topic, HandlerId id) {
    auto& list = handlers_[topic];
    list.erase(std::remove_if(list.begin(), list.end(),
                              [id](const Handler& h) { return h.id == id; }),
               list.end());
}

void EventBus::publish(const std::string& topic, const Event& ev) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& h : handlers_[topic]) {
        h.fn(ev);
    }
}

const Handler* EventBus::find(const std::string& topic, HandlerId id) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& h : handlers_[topic]) {
        if (h.id == id) return &h;
    }
    return nullptr;
}
