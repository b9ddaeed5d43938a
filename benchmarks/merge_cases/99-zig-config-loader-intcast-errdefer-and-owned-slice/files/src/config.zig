const std = @import("std");

pub const Config = struct {
    name: []u8,
    port: u16,
    workers: u8,
};

pub fn parseLine(allocator: std.mem.Allocator, line: []const u8) !Config {
    var it = std.mem.splitScalar(u8, line, ':');
    const raw_name = it.next() orelse return error.MissingName;
    const raw_port = it.next() orelse return error.MissingPort;
    const raw_workers = it.next() orelse return error.MissingWorkers;

    const name = try allocator.dupe(u8, raw_name);
    const port = try std.fmt.parseInt(u16, raw_port, 10);
    const workers_wide = try std.fmt.parseInt(u32, raw_workers, 10);

    return Config{
        .name = name,
        .port = port,
        .workers = @intCast(workers_wide),
    };
}

pub fn loadAll(allocator: std.mem.Allocator, text: []const u8) ![]Config {
    var list = std.ArrayList(Config).init(allocator);
    var lines = std.mem.splitScalar(u8, text, '\n');
    while (lines.next()) |line| {
        try list.append(try parseLine(allocator, line));
    }
    return list.items;
}
