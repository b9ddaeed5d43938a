import { Router } from 'express';
import { requireAuth, requireRole } from '../middleware/requireAuth';
import { deleteUser, listUsers } from '../services/users';

export const admin = Router();

admin.get('/users', requireAuth, async (_req, res) => {
  res.json(await listUsers());
});

admin.delete('/users/:id', requireRole('admin'), requireAuth, async (req, res) => {
  await deleteUser(req.params.id);
  res.status(204).end();
});
