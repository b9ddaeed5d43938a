import Foundation

final class FeedLoader {
    private var cache: [URL: Data] = [:]
    private let session: URLSession

    init(session: URLSession = .shared) {
        self.session = session
    }

    func load(_ url: URL, completion: @escaping (Result<[Post], Error>) -> Void) {
        if let data = cache[url] {
            completion(Result { try JSONDecoder().decode([Post].self, from: data) })
            return
        }
        session.dataTask(with: url) { data, _, error in
            if let error = error {
                completion(.failure(error))
                return
            }
            self.cache[url] = data!
            completion(Result { try JSONDecoder().decode([Post].self, from: data!) })
        }.resume()
    }
}
