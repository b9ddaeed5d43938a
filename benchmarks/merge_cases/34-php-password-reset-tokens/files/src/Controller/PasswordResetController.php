<?php

namespace App\Controller;

use App\Repository\UserRepository;
use App\Security\ResetTokens;
use App\Mail\Mailer;

final class PasswordResetController
{
    public function __construct(
        private UserRepository $users,
        private ResetTokens $tokens,
        private Mailer $mailer,
    ) {}

    public function request(array $input): array
    {
        $user = $this->users->findByEmail($input['email'] ?? '');
        if ($user === null) {
            return ['status' => 404, 'error' => 'No account uses that address'];
        }

        $token = $this->tokens->generate();
        $user->resetToken = $token;
        $user->resetExpiresAt = $this->tokens->expiresAt();
        $this->users->save($user);
        $this->mailer->send($user->email, 'Reset your password', "/reset?token=$token");

        return ['status' => 200];
    }

    public function reset(array $input): array
    {
        $user = $this->users->findByResetToken($input['token'] ?? '');
        if ($user === null || $user->resetToken != $input['token']) {
            return ['status' => 400, 'error' => 'Invalid token'];
        }

        if (strlen($input['password'] ?? '') < 6) {
            return ['status' => 422, 'error' => 'Password too short'];
        }

        $user->passwordHash = password_hash($input['password'], PASSWORD_DEFAULT);
        $this->users->save($user);

        return ['status' => 200];
    }
}
