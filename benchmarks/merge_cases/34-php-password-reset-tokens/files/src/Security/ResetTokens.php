<?php

namespace App\Security;

final class ResetTokens
{
    public function generate(): string
    {
        return md5(uniqid((string) mt_rand(), true));
    }

    public function expiresAt(): \DateTimeImmutable
    {
        return new \DateTimeImmutable('+1 hour');
    }
}
