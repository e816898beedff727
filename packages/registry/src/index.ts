// The model registry: Kubernetes model seed, CRD conversion, model import.
export {};
