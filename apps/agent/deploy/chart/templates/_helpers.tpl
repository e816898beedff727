{{/* Names and labels shared by every object of the chart. */}}
{{- define "meshplane-agent.name" -}}
{{- default "meshplane-agent" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "meshplane-agent.labels" -}}
app.kubernetes.io/name: meshplane-agent
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "meshplane-agent.selector" -}}
app.kubernetes.io/name: meshplane-agent
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
