import Foundation

/// `body` applied to `0..<count` on up to `width` threads, results in index order: the
/// batch `check` runs projects this way, the renderer its document conversions.
func concurrentMap<T: Sendable>(count: Int, width: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(width, count))) { _ in
        while let index = slots.claim() { slots.store(index, body(index)) }
    }
    return slots.values()
}

/// The shared state of `concurrentMap`. `@unchecked Sendable` because it is mutable from
/// several threads: every access goes through `lock`, and each slot is written once by
/// the thread that claimed its index.
private final class Slots<T>: @unchecked Sendable {
    private var slots: [T?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    func values() -> [T] { lock.withLock { slots.map { $0! } } }
}
