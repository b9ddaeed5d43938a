using UnityEngine;

public class PlayerController : MonoBehaviour
{
    public float speed = 6f;
    public float jumpForce = 5f;
    Rigidbody body;
    Transform target;

    void Start()
    {
        body = GetComponent<Rigidbody>();
        target = GameObject.FindWithTag("Enemy").transform;
    }

    void Update()
    {
        var input = new Vector3(Input.GetAxis("Horizontal"), 0, Input.GetAxis("Vertical"));
        body.AddForce(input * speed);
        if (Input.GetButtonDown("Jump"))
            body.AddForce(Vector3.up * jumpForce, ForceMode.Impulse);
        transform.LookAt(target);
    }

    void OnCollisionEnter(Collision other)
    {
        if (other.gameObject.tag == "Coin")
        {
            Destroy(other.gameObject);
            GameManager.Instance.AddScore(1);
        }
    }
}
