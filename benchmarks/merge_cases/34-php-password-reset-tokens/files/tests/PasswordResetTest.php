<?php

use App\Controller\PasswordResetController;
use PHPUnit\Framework\TestCase;

final class PasswordResetTest extends TestCase
{
    public function testRequestSendsMail(): void
    {
        [$controller, $mailer] = $this->controllerWithUser('ada@example.test');
        $result = $controller->request(['email' => 'ada@example.test']);
        $this->assertSame(200, $result['status']);
        $this->assertCount(1, $mailer->sent);
    }

    public function testResetChangesPassword(): void
    {
        [$controller, $mailer] = $this->controllerWithUser('ada@example.test');
        $controller->request(['email' => 'ada@example.test']);
        $token = $mailer->lastToken();
        $result = $controller->reset(['token' => $token, 'password' => 'correct horse']);
        $this->assertSame(200, $result['status']);
    }
}
