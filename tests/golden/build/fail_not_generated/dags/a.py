# A DAG somebody wrote by hand: trigc must never overwrite it.
from airflow import DAG
