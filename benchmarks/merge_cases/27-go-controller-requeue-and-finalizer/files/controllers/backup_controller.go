package controllers

import (
	"context"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller/controllerutil"

	v1 "example.com/backup/api/v1"
)

const finalizer = "backup.example.com/cleanup"

type BackupReconciler struct {
	client.Client
	Store ObjectStore
}

func (r *BackupReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	var b v1.Backup
	if err := r.Get(ctx, req.NamespacedName, &b); err != nil {
		return ctrl.Result{}, nil
	}

	if !b.DeletionTimestamp.IsZero() {
		controllerutil.RemoveFinalizer(&b, finalizer)
		if err := r.Update(ctx, &b); err != nil {
			return ctrl.Result{}, err
		}
		return ctrl.Result{}, r.Store.Delete(ctx, b.Spec.Path)
	}

	if controllerutil.AddFinalizer(&b, finalizer) {
		if err := r.Update(ctx, &b); err != nil {
			return ctrl.Result{}, err
		}
	}

	if b.Status.Phase == v1.PhaseDone {
		return ctrl.Result{}, nil
	}

	if err := r.Store.Upload(ctx, b.Spec.Path, b.Spec.Source); err != nil {
		b.Status.Phase = v1.PhaseFailed
		b.Status.Message = err.Error()
		_ = r.Status().Update(ctx, &b)
		return ctrl.Result{}, nil
	}

	b.Status.Phase = v1.PhaseDone
	b.Status.CompletedAt = time.Now().Format(time.RFC3339)
	if err := r.Status().Update(ctx, &b); err != nil {
		if apierrors.IsConflict(err) {
			return ctrl.Result{Requeue: true}, nil
		}
		return ctrl.Result{}, err
	}
	return ctrl.Result{}, nil
}
