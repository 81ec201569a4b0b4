/**
 * A yes/no question in a modal (the stable `Modal`, not the experimental `ConfirmDialog`, so it
 * behaves the same on every WordPress from 6.5).
 */
import { Button, Modal } from '@wordpress/components';
import { createElement } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

export interface ConfirmProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function Confirm({ title, children, confirmLabel, destructive = false, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Modal title={title} onRequestClose={onCancel} className="workos-profiles-confirm" size="small">
      <div className="workos-profiles-confirm-body">{children}</div>
      <div className="workos-profiles-confirm-actions">
        <Button variant="tertiary" onClick={onCancel}>
          {__('Cancel', 'workos-login')}
        </Button>
        <Button variant="primary" isDestructive={destructive} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Modal>
  );
}
