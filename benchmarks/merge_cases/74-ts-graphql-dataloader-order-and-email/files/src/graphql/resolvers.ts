import { authorLoader } from "./loaders";
import { db } from "../db";

export const resolvers = {
  Query: {
    posts: async (_: unknown, args: { first: number }) =>
      db.query("SELECT * FROM posts ORDER BY created_at DESC LIMIT $1", [args.first]),
  },
  Post: {
    author: (post: Post) => authorLoader.load(post.authorId),
    comments: async (post: Post) => {
      return db.query("SELECT * FROM comments WHERE post_id = $1", [post.id]);
    },
  },
  User: {
    email: (user: User, _args: unknown, ctx: Context) => user.email,
  },
};
