import UIKit

final class FeedViewController: UITableViewController {
    private let loader = FeedLoader()
    private var posts: [Post] = []

    override func viewDidLoad() {
        super.viewDidLoad()
        loader.load(Endpoints.feed) { result in
            switch result {
            case .success(let posts):
                self.posts = posts
                self.tableView.reloadData()
            case .failure:
                self.showError()
            }
        }
    }
}
